import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SpeakerNotesWindow } from "@/components/presenter/speaker-notes-window";
import { presentedLesson, presenterSteps } from "@/components/presenter/steps.server";
import { findLesson, getLesson, lessonRouteParams } from "@/lib/content/lessons.server";

interface PresentRoute {
  params: Promise<{ chapter: string; lesson: string }>;
}

export const dynamicParams = false;

export const generateStaticParams = lessonRouteParams;

export async function generateMetadata({ params }: PresentRoute): Promise<Metadata> {
  const { chapter, lesson: slug } = await params;
  const lesson = findLesson(chapter, slug);
  return lesson ? { title: `Speaker notes: ${lesson.frontmatter.lesson} ${lesson.frontmatter.title}`, robots: { index: false } } : {};
}

/** The speaker's second window for presenter mode; it follows the presenter window's step. */
export default async function SpeakerNotesPage({ params }: PresentRoute) {
  const { chapter, lesson: slug } = await params;
  const lesson = await getLesson(chapter, slug);
  if (!lesson) notFound();
  return <SpeakerNotesWindow lesson={presentedLesson(lesson)} steps={presenterSteps(lesson)} />;
}
