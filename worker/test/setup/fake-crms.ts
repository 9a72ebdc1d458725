import type { TestProject } from "vitest/node";
import { startHubSpotFake } from "../../../test/fakes/hubspot";
import { startPipedriveFake } from "../../../test/fakes/pipedrive";

declare module "vitest" {
  export interface ProvidedContext {
    hubspotUrl: string;
    pipedriveUrl: string;
  }
}

/**
 * Global setup (Node side): local fakes of HubSpot and Pipedrive (test/fakes/), reached by the worker through
 * HUBSPOT_API_URL / PIPEDRIVE_API_URL. Tests drive them through their `/_fake/…` control routes; each test uses
 * its own account (token), so tests never see each other's companies.
 */
export default async function setup(project: TestProject) {
  const [hubspot, pipedrive] = await Promise.all([startHubSpotFake(), startPipedriveFake()]);
  project.provide("hubspotUrl", hubspot.url);
  project.provide("pipedriveUrl", pipedrive.url);
  return async () => {
    await Promise.all([hubspot.close(), pipedrive.close()]);
  };
}
