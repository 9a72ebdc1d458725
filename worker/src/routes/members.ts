import { newApp } from "../http/app-factory";
import { keysApi } from "../members/keys-api";
import { membersApi } from "../members/members-api";
import { sitesApi } from "../members/sites-api";
import { siteInstallationApi } from "../members/site-installation-api";
import { workspaceApi } from "../members/workspace-api";

/**
 * Workspace administration under /api/v1: members, API keys, sites and settings. Anyone with a key of the
 * workspace can read; changes need an admin key (403 `forbidden` otherwise). Every query is scoped to the
 * key's workspace: another workspace's ids answer 404, as if they did not exist.
 */
export const membersRoutes = newApp();
for (const routes of [membersApi, keysApi, sitesApi, siteInstallationApi, workspaceApi]) membersRoutes.route("/", routes);
