CREATE TABLE `series` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`title` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `series_owner_idx` ON `series` (`owner_id`);--> statement-breakpoint
ALTER TABLE `workshops` ADD `series_id` text REFERENCES series(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `workshops` ADD `series_position` integer;--> statement-breakpoint
ALTER TABLE `workshops` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `workshops` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `workshops` ADD `note_count` integer;--> statement-breakpoint
ALTER TABLE `workshops` ADD `last_activity_at` integer;