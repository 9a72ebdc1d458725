import { newApp } from "../http/app-factory";

export const exportsRoutes = newApp();
