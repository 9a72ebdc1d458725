/** What an authenticated request knows of its caller; set by `requireAuth` (an API key or a console session), read by every `/api/v1` route. */
export interface AuthContext {
  keyId: string;
  workspaceId: string;
  role: "admin" | "member";
}
