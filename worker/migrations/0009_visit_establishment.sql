ALTER TABLE `hits` ADD `visit_location` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `establishment` text;