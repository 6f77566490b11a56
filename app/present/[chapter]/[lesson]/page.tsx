import { Presenter } from "@/components/presenter/presenter";
import { loadPresentation, presentationMetadata, type LessonParams } from "@/components/presenter/steps.server";
import { lessonRouteParams } from "@/lib/content/lessons.server";

export const dynamicParams = false;

export const generateStaticParams = lessonRouteParams;

export const generateMetadata = ({ params }: { params: LessonParams }) => presentationMetadata(params, "Present");

/** Presenter mode: the lesson's sandboxes as full-screen steps (see components/presenter). */
export default async function PresentPage({ params }: { params: LessonParams }) {
  const { lesson, steps } = await loadPresentation(params);
  return <Presenter lesson={lesson} steps={steps} />;
}
