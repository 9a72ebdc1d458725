CREATE TABLE `drop_hostnames` (
	`day` text NOT NULL,
	`site_key` text NOT NULL,
	`hostname` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`site_key`, `day`, `hostname`)
);
