import type { CollectEnvelope } from "../envelope";
import type { SiteConfig } from "./site";
import { drop, pass, type Step } from "./result";

/** Step 4 — server-side consent signals, as each site chose to honour them. */
export function consent(site: SiteConfig, headers: CollectEnvelope["headers"]): Step<true> {
  if (site.respectDnt && headers.dnt === "1") return drop("do_not_track");
  if (site.respectGpc && headers.gpc === "1") return drop("global_privacy_control");
  return pass(true);
}
