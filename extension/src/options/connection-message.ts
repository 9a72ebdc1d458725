import type { ConnectionInfo, Result } from "../messages";
import type { Lang } from "../i18n/index";
import { ot } from "./texts";

export type Tone = "ok" | "error";

/** The sentence the options page shows for a connection test: what happened and what to do about it. */
export function connectionMessage(result: Result<ConnectionInfo>, baseUrl: string, lang: Lang): { tone: Tone; text: string } {
  if (result.ok) return { tone: "ok", text: ot("ok", lang, { workspace: result.value.workspaceName, role: result.value.role }) };
  const e = result.error;
  switch (e.kind) {
    case "bad-api-key":
      return { tone: "error", text: ot("badKey", lang) };
    case "unreachable":
      return { tone: "error", text: ot("unreachable", lang, { url: baseUrl, message: e.message }) };
    case "no-permission":
      return { tone: "error", text: ot("noPermission", lang, { origin: e.origin }) };
    case "not-configured":
      return { tone: "error", text: ot("notConfigured", lang) };
    case "api":
      return { tone: "error", text: ot("apiError", lang, { message: e.message, code: e.code, requestId: e.requestId || "—" }) };
    case "extension":
    case "invalid-request":
      return { tone: "error", text: ot("extension", lang, { message: e.message }) };
  }
}
