import { newApp } from "../http/app-factory";

export const membersRoutes = newApp();
