import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { readConsent, writeConsent, type Consent } from "./consent";

interface ConsentState {
  /** The visitor's choice; null until they chose. */
  consent: Consent | null;
  /** Whether the settings are open (first visit, or "Cookie settings" in the footer). */
  open: boolean;
  choose: (consent: Consent) => void;
  /** Open the settings; focus goes back to `returnTo` when they close. */
  reopen: (returnTo?: HTMLElement | null) => void;
  close: () => void;
}

const ConsentContext = createContext<ConsentState | null>(null);

export function ConsentProvider({ children }: { children: ReactNode }) {
  const [consent, setConsent] = useState<Consent | null>(() => readConsent());
  const [open, setOpen] = useState(() => readConsent() === null);
  const returnTo = useRef<HTMLElement | null>(null);

  const close = useCallback(() => {
    setOpen(false);
    const target = returnTo.current;
    returnTo.current = null;
    if (target) window.setTimeout(() => target.focus(), 0);
  }, []);
  const choose = useCallback(
    (chosen: Consent) => {
      writeConsent(chosen);
      setConsent(chosen);
      close();
    },
    [close],
  );
  const reopen = useCallback((target?: HTMLElement | null) => {
    returnTo.current = target ?? null;
    setOpen(true);
  }, []);
  const value = useMemo(() => ({ consent, open, choose, reopen, close }), [consent, open, choose, reopen, close]);
  return <ConsentContext.Provider value={value}>{children}</ConsentContext.Provider>;
}

export function useConsent(): ConsentState {
  const state = useContext(ConsentContext);
  if (!state) throw new Error("useConsent needs a ConsentProvider");
  return state;
}
