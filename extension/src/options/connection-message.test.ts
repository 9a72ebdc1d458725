import { describe, expect, it } from "vitest";
import { connectionMessage } from "./connection-message";

const URL_ = "http://127.0.0.1:8787";

describe("connection test messages", () => {
  it("names the workspace when the key works", () => {
    expect(connectionMessage({ ok: true, value: { workspaceName: "Démo Sillage", role: "admin" } }, URL_, "fr")).toEqual({
      tone: "ok",
      text: "Connexion réussie à l’espace « Démo Sillage » (rôle : admin).",
    });
    expect(connectionMessage({ ok: true, value: { workspaceName: "Demo", role: "member" } }, URL_, "en").text).toBe(
      "Connected to the workspace “Demo” (role: member).",
    );
  });

  it("tells a refused key from an unreachable API", () => {
    expect(connectionMessage({ ok: false, error: { kind: "bad-api-key" } }, URL_, "fr").text).toMatch(/^Clé API refusée/);
    expect(connectionMessage({ ok: false, error: { kind: "bad-api-key" } }, URL_, "en").text).toMatch(/^API key refused/);
    const down = connectionMessage({ ok: false, error: { kind: "unreachable", message: "Failed to fetch" } }, URL_, "fr");
    expect(down).toEqual({ tone: "error", text: expect.stringContaining("API injoignable à http://127.0.0.1:8787") });
    expect(connectionMessage({ ok: false, error: { kind: "unreachable", message: "Failed to fetch" } }, URL_, "en").text).toMatch(/^Cannot reach the API at/);
  });

  it("quotes the API's own message and request id", () => {
    const r = connectionMessage({ ok: false, error: { kind: "api", status: 500, code: "internal", message: "Boom", requestId: "req_9" } }, URL_, "en");
    expect(r.text).toBe("API error: Boom (code internal, request req_9).");
  });

  it("explains a refused permission", () => {
    expect(connectionMessage({ ok: false, error: { kind: "no-permission", origin: URL_ } }, URL_, "fr").text).toContain("Accès à http://127.0.0.1:8787 refusé");
  });
});
