import type { AuthSession, Me } from "./types";

export type SessionStatus = "unknown" | "anonymous" | "authenticated";

export interface SessionState {
  status: SessionStatus;
  user: Me | null;
  /** True when a signed-in session ended because it could not be refreshed. */
  expired: boolean;
}

type Refresher = () => Promise<AuthSession | null>;

/** Seconds before expiry at which the access token is renewed. */
const REFRESH_MARGIN_SECONDS = 60;
const AUTH_PATHS = ["/auth/sign-in", "/auth/sign-up", "/auth/refresh", "/auth/confirm-email"];

/**
 * Holds the access token in memory only (never in storage, so a script
 * injection cannot read a long-lived credential), renews it from the
 * httpOnly refresh cookie before it expires, and retries a request once
 * after a 401 with a fresh token.
 */
export class Session {
  private token: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<boolean> | null = null;
  private state: SessionState = { status: "unknown", user: null, expired: false };
  private listeners = new Set<() => void>();
  private refresher: Refresher | null = null;

  useRefresher(refresher: Refresher): void {
    this.refresher = refresher;
  }

  getSnapshot = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get accessToken(): string | null {
    return this.token;
  }

  /** Store a session the API returned (sign-in, confirm-email, refresh). */
  establish(auth: AuthSession): void {
    this.token = auth.access_token;
    this.schedule(auth.expires_in);
    this.publish({ status: "authenticated", user: auth.user, expired: false });
  }

  /** Replace the signed-in user's profile after an update. */
  updateUser(user: Me): void {
    if (this.state.status === "authenticated") {
      this.publish({ ...this.state, user });
    }
  }

  /** A request was refused because the person is blocked: show it everywhere, at once. */
  noteBlocked(until: string, reason: string | null): void {
    const user = this.state.user;
    if (this.state.status === "authenticated" && user) {
      this.publish({ ...this.state, user: { ...user, blocked: { until, reason } } });
    }
  }

  /** Forget the session; `expired` tells the UI to ask the person to sign in again. */
  clear(expired = false): void {
    this.token = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.publish({ status: "anonymous", user: null, expired });
  }

  /** Back to the state of a fresh page load (no token, not yet checked). */
  reset(): void {
    this.token = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.inflight = null;
    this.publish({ status: "unknown", user: null, expired: false });
  }

  /** Renew the access token from the refresh cookie; concurrent callers share one call. */
  refresh(): Promise<boolean> {
    if (!this.inflight) {
      this.inflight = this.runRefresh().finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  /** The `fetch` the typed client uses: adds the bearer token and retries once after a 401. */
  send = async (request: Request): Promise<Response> => {
    const retry = request.clone();
    const response = await fetch(this.authorize(request));
    if (response.status !== 401 || isAuthPath(request.url)) return response;
    const hadSession = this.state.status === "authenticated";
    if (!(await this.refresh())) {
      if (hadSession) this.clear(true);
      return response;
    }
    return fetch(this.authorize(retry));
  };

  private authorize(request: Request): Request {
    if (this.token && !request.headers.has("Authorization")) {
      request.headers.set("Authorization", `Bearer ${this.token}`);
    }
    return request;
  }

  private async runRefresh(): Promise<boolean> {
    if (!this.refresher) return false;
    let auth: AuthSession | null = null;
    try {
      auth = await this.refresher();
    } catch {
      auth = null;
    }
    if (auth) {
      this.establish(auth);
      return true;
    }
    this.token = null;
    if (this.state.status !== "authenticated") this.clear(false);
    return false;
  }

  private schedule(expiresIn: number): void {
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.max(5, expiresIn - REFRESH_MARGIN_SECONDS) * 1000;
    this.timer = setTimeout(() => {
      void this.refresh().then((ok) => {
        if (!ok) this.clear(true);
      });
    }, delay);
  }

  private publish(next: SessionState): void {
    this.state = next;
    this.listeners.forEach((listener) => listener());
  }
}

function isAuthPath(url: string): boolean {
  const path = new URL(url).pathname;
  return AUTH_PATHS.some((suffix) => path.endsWith(suffix));
}

/** The double-submit CSRF token the API set in the readable `th_csrf` cookie. */
export function csrfToken(): string {
  const match = document.cookie.split("; ").find((part) => part.startsWith("th_csrf="));
  return match ? decodeURIComponent(match.slice("th_csrf=".length)) : "";
}
