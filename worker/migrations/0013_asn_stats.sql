CREATE TABLE `asn_stats` (
	`asn` integer PRIMARY KEY NOT NULL,
	`ipv4_addresses` integer NOT NULL,
	`ipv4_ranges` integer NOT NULL,
	`ipv6_ranges` integer NOT NULL
);
