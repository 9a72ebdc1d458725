import { defineConfig } from "wxt";

export default defineConfig({
  modules: ["@wxt-dev/module-react"],
  manifest: {
    name: "Sillage",
    description: "Sillage: website visitors, lead score and MQL status on LinkedIn and CRM pages.",
    permissions: ["storage"],
  },
});
