import { cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode } from "react";
import { StaticMarkup } from "./static-markup";

type HostElement = ReactElement<{ children?: ReactNode; dangerouslySetInnerHTML?: unknown }, string>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, whatever its props
type Component = (props: any) => ReactNode;
const plainComponents = new WeakSet<Component>();

/**
 * Declares a server component plain: it renders host elements and text only, around children that
 * are themselves checked. keepStatic then counts it as plain HTML (a lesson's inline <Fact> and
 * <Evidence>, which sit inside most paragraphs). Its unit test renders it and checks the claim.
 */
export function plainMarkup<C extends Component>(component: C): C {
  plainComponents.add(component);
  return component;
}

/**
 * Whether a tree is plain HTML: host elements (`p`, `a`, `code`…), fragments, components declared
 * plain and text only. Anything else (a client island, another server component) might need React
 * in the browser, so it does not count.
 */
export function isPlainMarkup(node: ReactNode): boolean {
  if (node === null || node === undefined || typeof node === "boolean") return true;
  if (typeof node === "string" || typeof node === "number") return true;
  if (Array.isArray(node)) return node.every(isPlainMarkup);
  if (!isValidElement(node)) return false;
  const plain = typeof node.type === "string" || node.type === Fragment || plainComponents.has(node.type as Component);
  if (!plain) return false;
  return isPlainMarkup((node as HostElement).props.children);
}

/**
 * The element as static markup when it is plain HTML with content (see StaticMarkup: the browser
 * keeps it without hydrating it); anything else unchanged. Safe to apply to any node: an island,
 * or an element with an island somewhere inside, stays live.
 */
export function keepStatic(node: ReactNode): ReactNode {
  // A fragment has no element of its own to keep.
  if (!isValidElement(node) || node.type === Fragment || !isPlainMarkup(node)) return node;
  if (typeof node.type !== "string") {
    // A plain component: render it here (it is synchronous and has no hooks) to keep its element.
    const rendered = (node.type as Component)(node.props);
    return keepStatic(isValidElement(rendered) ? cloneElement(rendered, { key: node.key }) : rendered);
  }
  const { children, ...attributes } = (node as HostElement).props;
  // Empty and void elements (hr, img) cost nothing to hydrate; raw-HTML ones are already not walked.
  if (children === undefined || children === null || attributes.dangerouslySetInnerHTML !== undefined) return node;
  return (
    <StaticMarkup key={node.key} tag={node.type} attributes={attributes}>
      {children}
    </StaticMarkup>
  );
}
