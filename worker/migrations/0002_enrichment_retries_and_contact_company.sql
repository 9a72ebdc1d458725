ALTER TABLE `contacts` ADD `siren` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `company_reason` text;--> statement-breakpoint
ALTER TABLE `hits` ADD `enrichment_retry_at` integer;