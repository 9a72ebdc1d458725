import { newApp } from "../http/app-factory";

/** Public routes (no API key): the visitor opt-out. */
export const optOutRoutes = newApp();
