ALTER TABLE `memberships` ADD `status` text DEFAULT 'admitted' NOT NULL;--> statement-breakpoint
ALTER TABLE `memberships` ADD `browser_id` text;--> statement-breakpoint
CREATE INDEX `memberships_browser_idx` ON `memberships` (`workshop_id`,`browser_id`);--> statement-breakpoint
ALTER TABLE `workshops` ADD `admission_required` integer DEFAULT false NOT NULL;