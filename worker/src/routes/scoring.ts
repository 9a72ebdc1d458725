import { newApp } from "../http/app-factory";

export const scoringRoutes = newApp();
