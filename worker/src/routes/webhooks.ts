import { newApp } from "../http/app-factory";

export const webhooksRoutes = newApp();
