import { SpeakerNotesWindow } from "@/components/presenter/speaker-notes-window";
import { loadPresentation, presentationMetadata, type LessonParams } from "@/components/presenter/steps.server";
import { lessonRouteParams } from "@/lib/content/lessons.server";

export const dynamicParams = false;

export const generateStaticParams = lessonRouteParams;

export const generateMetadata = ({ params }: { params: LessonParams }) => presentationMetadata(params, "Speaker notes");

/** The speaker's second window for presenter mode; it follows the presenter window's step. */
export default async function SpeakerNotesPage({ params }: { params: LessonParams }) {
  const { lesson, steps } = await loadPresentation(params);
  return <SpeakerNotesWindow lesson={lesson} steps={steps} />;
}
