import { lazy, Suspense } from "react";
import { Loading } from "@/components/Loading";

// The idea form brings the rich-text editor and a map: its own chunk, loaded when opened.
const LazyNew = lazy(() => import("./IdeaFormPage").then((module) => ({ default: module.NewIdeaPage })));
const LazyEdit = lazy(() => import("./IdeaFormPage").then((module) => ({ default: module.EditIdeaPage })));

export function NewIdeaPage() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyNew />
    </Suspense>
  );
}

export function EditIdeaPage() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyEdit />
    </Suspense>
  );
}
