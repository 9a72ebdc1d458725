import { newApp } from "../http/app-factory";

export const privacyRoutes = newApp();
