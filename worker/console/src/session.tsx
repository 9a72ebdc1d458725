import { createContext, useContext } from "react";
import type { ConsoleSession } from "@sillage/shared/console-api";

export interface SessionState {
  session: ConsoleSession;
  isAdmin: boolean;
  /** The API said 401: the session ended (expired, signed out elsewhere, key revoked). */
  expire(): void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside a signed-in console");
  return s;
}
