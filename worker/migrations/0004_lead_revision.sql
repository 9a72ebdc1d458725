ALTER TABLE `leads` ADD `qualified` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `revision` integer DEFAULT 0 NOT NULL;