CREATE TABLE "watch_runs" (
	"watch_id" text NOT NULL,
	"job_id" text NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	CONSTRAINT "watch_runs_watch_id_job_id_pk" PRIMARY KEY("watch_id","job_id")
);
--> statement-breakpoint
CREATE TABLE "watches" (
	"id" text PRIMARY KEY NOT NULL,
	"platform" text NOT NULL,
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"creator" jsonb NOT NULL,
	"creator_name" text,
	"targets" text NOT NULL,
	"ports" text,
	"protocol" text NOT NULL,
	"schedule" jsonb NOT NULL,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_slot" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"pause_reason" text,
	"paused_at" timestamp with time zone,
	"lease_owner" text,
	"lease_slot" timestamp with time zone,
	CONSTRAINT "watches_protocol_check" CHECK ("watches"."protocol" in ('tcp', 'udp'))
);
--> statement-breakpoint
ALTER TABLE "watch_runs" ADD CONSTRAINT "watch_runs_watch_id_watches_id_fk" FOREIGN KEY ("watch_id") REFERENCES "public"."watches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_runs" ADD CONSTRAINT "watch_runs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "watch_runs_slot_idx" ON "watch_runs" USING btree ("watch_id","slot");--> statement-breakpoint
CREATE INDEX "watches_place_idx" ON "watches" USING btree ("platform","workspace_id","channel_id");