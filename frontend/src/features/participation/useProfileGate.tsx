import { useCallback, useRef, useState, type ReactNode } from "react";
import { isApiProblem } from "@/lib/api/problem";
import { CompleteProfile } from "./CompleteProfile";

/** The fields a `missing_profile_fields` refusal asks for, or null for any other error. */
export function missingFields(error: unknown): string[] | null {
  if (!isApiProblem(error) || error.code !== "missing_profile_fields") return null;
  const fields = error.extra.fields;
  return Array.isArray(fields) ? fields.map(String) : [];
}

interface Pending {
  fields: string[];
  run: () => void;
  cancel: () => void;
}

export interface ProfileGate {
  /**
   * Take an action that may need profile answers first. With `fields` (the
   * viewer's decision already named them) the questions open at once;
   * otherwise the action runs, and a `missing_profile_fields` refusal opens
   * them. Once answered, the action runs. Resolves true when it ran, false
   * when the resident cancelled; other errors reject as the action's would.
   */
  attempt: <R>(action: () => Promise<R> | R, fields?: string[]) => Promise<boolean>;
  /** The questions, to render next to the action while they are asked (else null). */
  panel: ReactNode;
  asking: boolean;
}

/** One gate per action area: ask for missing profile answers in place, then act. */
export function useProfileGate(): ProfileGate {
  const [pending, setPending] = useState<Pending | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const attempt = useCallback(
    <R,>(action: () => Promise<R> | R, fields?: string[]) =>
      new Promise<boolean>((resolve, reject) => {
        const ask = (wanted: string[]) => {
          if (document.activeElement instanceof HTMLElement) returnFocus.current = document.activeElement;
          setPending({
            fields: wanted,
            run: () => {
              setPending(null);
              returnFocus.current?.focus();
              void tryIt();
            },
            cancel: () => {
              setPending(null);
              returnFocus.current?.focus();
              resolve(false);
            },
          });
        };
        const tryIt = async () => {
          try {
            await action();
            resolve(true);
          } catch (error) {
            const wanted = missingFields(error);
            if (wanted && wanted.length) ask(wanted);
            else reject(error);
          }
        };
        if (fields && fields.length) ask(fields);
        else void tryIt();
      }),
    [],
  );

  const panel = pending ? (
    <CompleteProfile key={pending.fields.join(",")} fieldIds={pending.fields} onDone={pending.run} onCancel={pending.cancel} />
  ) : null;
  return { attempt, panel, asking: pending !== null };
}
