import type { ComponentType } from "react";
import type { Phase, Project } from "@/lib/api/types";

export interface PhaseContentProps {
  project: Project;
  phase: Phase;
}

export type PhaseContent = ComponentType<PhaseContentProps>;
