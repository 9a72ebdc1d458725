import { newApp } from "../http/app-factory";

export const leadsRoutes = newApp();
