/** What an authenticated request knows of its caller; set by `requireApiKey`, read by every `/api/v1` route. */
export interface AuthContext {
  keyId: string;
  workspaceId: string;
  role: "admin" | "member";
}
