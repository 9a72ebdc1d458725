import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

/** Local copy of INSEE's StockUniteLegale (`npm run import:sirene -- FILE`), for the `sirene-local` provider. */
export const sireneUnits = sqliteTable(
  "sirene_units",
  {
    siren: text("siren").primaryKey(),
    name: text("name").notNull(),
    /** Normalised name (no accents, legal forms or punctuation), for look-ups. */
    searchName: text("search_name").notNull(),
    acronym: text("acronym"),
    legalFormCode: text("legal_form_code"),
    nafCode: text("naf_code"),
    headcountCode: text("headcount_code"),
    headcountYear: text("headcount_year"),
    category: text("category"),
    headOfficeNic: text("head_office_nic"),
    createdOn: text("created_on"),
    active: integer("active", { mode: "boolean" }).notNull(),
    updatedAt: text("updated_at"),
  },
  (t) => [index("sirene_units_search_name_idx").on(t.searchName)],
);
