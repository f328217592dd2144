CREATE TABLE "narration_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"narration_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"course_id" text NOT NULL,
	"lesson_id" text NOT NULL,
	"step" integer NOT NULL,
	"locale" text NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "narrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"course_id" text NOT NULL,
	"lesson_id" text NOT NULL,
	"step" integer NOT NULL,
	"locale" text NOT NULL,
	"text_hash" text NOT NULL,
	"status" text NOT NULL,
	"mime" text NOT NULL,
	"audio" "bytea" NOT NULL,
	"bytes" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "teachers" ADD COLUMN "approver" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "narration_log" ADD CONSTRAINT "narration_log_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "narrations" ADD CONSTRAINT "narrations_recorded_by_teachers_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."teachers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "narrations" ADD CONSTRAINT "narrations_reviewed_by_teachers_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."teachers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "narration_log_step_idx" ON "narration_log" USING btree ("course_id","lesson_id","step","locale");--> statement-breakpoint
CREATE INDEX "narrations_course_idx" ON "narrations" USING btree ("course_id","locale","status");--> statement-breakpoint
CREATE INDEX "narrations_step_idx" ON "narrations" USING btree ("course_id","lesson_id","step","locale");--> statement-breakpoint
CREATE UNIQUE INDEX "narrations_published_idx" ON "narrations" USING btree ("course_id","lesson_id","step","locale") WHERE "narrations"."status" = 'published';