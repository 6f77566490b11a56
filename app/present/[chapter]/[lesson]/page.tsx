import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Presenter } from "@/components/presenter/presenter";
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
  return lesson ? { title: `Present: ${lesson.frontmatter.lesson} ${lesson.frontmatter.title}`, robots: { index: false } } : {};
}

/** Presenter mode: the lesson's sandboxes as full-screen steps (see components/presenter). */
export default async function PresentPage({ params }: PresentRoute) {
  const { chapter, lesson: slug } = await params;
  const lesson = await getLesson(chapter, slug);
  if (!lesson) notFound();
  return <Presenter lesson={presentedLesson(lesson)} steps={presenterSteps(lesson)} />;
}
