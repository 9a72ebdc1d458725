import { ProviderError } from "@sillage/shared/providers/types";
import { ApiError } from "../http/errors";
import { UnknownCompanyError } from "../identify/correction";

/** A correction's failures as API errors: an unknown SIREN is the caller's (400), a register outage a 503 to retry. */
export async function correctionErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof UnknownCompanyError) throw new ApiError("bad_request", err.message);
    if (err instanceof ProviderError && err.retryable)
      throw new ApiError("upstream_unavailable", `The company register (${err.provider}) is unavailable (${err.code}); try again shortly.`, {
        "Retry-After": String(Math.ceil(err.retryAfterSeconds ?? 30)),
      });
    throw err;
  }
}
