CREATE TABLE "instances" (
	"id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_hosts" (
	"job_id" text NOT NULL,
	"position" integer NOT NULL,
	"target" text NOT NULL,
	"address" text NOT NULL,
	"summary" jsonb NOT NULL,
	"status" jsonb,
	"sheets" jsonb NOT NULL,
	CONSTRAINT "job_hosts_job_id_position_pk" PRIMARY KEY("job_id","position")
);
--> statement-breakpoint
CREATE TABLE "job_names" (
	"name" text NOT NULL,
	"job_id" text NOT NULL,
	CONSTRAINT "job_names_job_id_name_pk" PRIMARY KEY("job_id","name")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"platform" text NOT NULL,
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text,
	"visibility" text NOT NULL,
	"targets" jsonb NOT NULL,
	"ports" text,
	"protocol" text NOT NULL,
	"status" text NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"progress_open" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error_code" text,
	"error_message" text,
	"summary" jsonb,
	"duration_ms" integer,
	"owner_instance" text NOT NULL,
	CONSTRAINT "jobs_status_check" CHECK ("jobs"."status" in ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
	CONSTRAINT "jobs_visibility_check" CHECK ("jobs"."visibility" in ('channel', 'requester')),
	CONSTRAINT "jobs_protocol_check" CHECK ("jobs"."protocol" in ('tcp', 'udp'))
);
--> statement-breakpoint
ALTER TABLE "job_hosts" ADD CONSTRAINT "job_hosts_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_names" ADD CONSTRAINT "job_names_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_names_name_idx" ON "job_names" USING btree ("name");--> statement-breakpoint
CREATE INDEX "jobs_unfinished_idx" ON "jobs" USING btree ("owner_instance") WHERE "jobs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "jobs_created_idx" ON "jobs" USING btree ("created_at");