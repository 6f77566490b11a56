import type { ComponentProps } from "react";

function makeHeading(Tag: "h2" | "h3") {
  function Heading({ id, children, ...rest }: ComponentProps<"h2">) {
    return (
      <Tag id={id} {...rest}>
        {children}
        {id ? (
          <a className="heading-anchor" href={`#${id}`} aria-label="Link to this section">
            #
          </a>
        ) : null}
      </Tag>
    );
  }
  Heading.displayName = Tag;
  return Heading;
}

export const H2 = makeHeading("h2");
export const H3 = makeHeading("h3");
