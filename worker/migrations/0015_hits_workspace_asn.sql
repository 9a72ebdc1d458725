ALTER TABLE `contacts` ADD `company_retry_at` integer;--> statement-breakpoint
CREATE INDEX `contacts_company_retry_idx` ON `contacts` (`company_retry_at`);--> statement-breakpoint
CREATE INDEX `hits_workspace_asn_idx` ON `hits` (`workspace_id`,`asn`);