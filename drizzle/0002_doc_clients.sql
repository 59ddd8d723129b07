CREATE TABLE `doc_clients` (
	`doc_name` text NOT NULL,
	`client_id` integer NOT NULL,
	`membership_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`doc_name`, `client_id`),
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE cascade
);
