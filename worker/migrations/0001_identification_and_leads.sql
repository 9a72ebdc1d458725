CREATE TABLE `companies` (
	`siren` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`naf_code` text,
	`naf_section` text,
	`headcount_code` text,
	`headcount_min` integer,
	`revenue` real,
	`category` text,
	`departement` text,
	`region` text,
	`record` text NOT NULL,
	`source` text NOT NULL,
	`fetched_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `companies_name_idx` ON `companies` (`name`);--> statement-breakpoint
CREATE TABLE `organization_matches` (
	`key` text PRIMARY KEY NOT NULL,
	`organization` text NOT NULL,
	`siren` text,
	`confidence` real NOT NULL,
	`reason` text NOT NULL,
	`provider` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sirene_units` (
	`siren` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`search_name` text NOT NULL,
	`acronym` text,
	`legal_form_code` text,
	`naf_code` text,
	`headcount_code` text,
	`headcount_year` text,
	`category` text,
	`head_office_nic` text,
	`created_on` text,
	`active` integer NOT NULL,
	`updated_at` text
);
--> statement-breakpoint
CREATE INDEX `sirene_units_search_name_idx` ON `sirene_units` (`search_name`);--> statement-breakpoint
CREATE TABLE `identity_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`type` text NOT NULL,
	`value` text NOT NULL,
	`family` integer,
	`start` text,
	`end` text,
	`siren` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `identity_overrides_value_idx` ON `identity_overrides` (`workspace_id`,`type`,`value`);--> statement-breakpoint
CREATE INDEX `identity_overrides_range_idx` ON `identity_overrides` (`workspace_id`,`family`,`start`);--> statement-breakpoint
CREATE TABLE `network_overrides` (
	`workspace_id` text NOT NULL,
	`asn` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `asn`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `lead_transitions` (
	`id` text PRIMARY KEY NOT NULL,
	`lead_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`actor` text NOT NULL,
	`reason_code` text,
	`note` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lead_transitions_lead_idx` ON `lead_transitions` (`lead_id`,`at`);--> statement-breakpoint
CREATE INDEX `lead_transitions_ws_time_idx` ON `lead_transitions` (`workspace_id`,`at`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`siren` text,
	`name` text NOT NULL,
	`contact_id` text,
	`domain` text,
	`linkedin_url` text,
	`status` text DEFAULT 'anonymous' NOT NULL,
	`status_changed_at` integer NOT NULL,
	`score` real DEFAULT 0 NOT NULL,
	`score_state` text,
	`model_version` integer,
	`mql_at` integer,
	`sql_at` integer,
	`sla_due_at` integer,
	`sla_overdue_at` integer,
	`merged_into` text,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_workspace_key_idx` ON `leads` (`workspace_id`,`key`);--> statement-breakpoint
CREATE INDEX `leads_workspace_status_idx` ON `leads` (`workspace_id`,`status`,`score`);--> statement-breakpoint
CREATE INDEX `leads_workspace_siren_idx` ON `leads` (`workspace_id`,`siren`);--> statement-breakpoint
CREATE INDEX `leads_workspace_seen_idx` ON `leads` (`workspace_id`,`last_seen_at`);--> statement-breakpoint
CREATE TABLE `scoring_models` (
	`workspace_id` text NOT NULL,
	`version` integer NOT NULL,
	`document` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scoring_models_ws_version_idx` ON `scoring_models` (`workspace_id`,`version`);--> statement-breakpoint
ALTER TABLE `workspaces` ADD `sla_hours` integer DEFAULT 48 NOT NULL;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `provider_chain` text;--> statement-breakpoint
ALTER TABLE `hits` ADD `enrichment_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hits` ADD `enrichment_reason` text;--> statement-breakpoint
ALTER TABLE `hits` ADD `network_kind` text;--> statement-breakpoint
ALTER TABLE `hits` ADD `organization` text;--> statement-breakpoint
ALTER TABLE `hits` ADD `siren` text;--> statement-breakpoint
ALTER TABLE `hits` ADD `match_confidence` real;--> statement-breakpoint
ALTER TABLE `hits` ADD `lead_id` text;--> statement-breakpoint
CREATE INDEX `hits_lead_time_idx` ON `hits` (`lead_id`,`occurred_at`);