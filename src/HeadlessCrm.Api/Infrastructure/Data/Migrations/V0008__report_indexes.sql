-- Indexes for the reports (docs/reports.md). Each leads with workspace_id like every other index, is partial to the
-- live rows the reports read (archived records never count), and INCLUDEs the columns the report aggregates, so
-- PostgreSQL can answer from the index alone (index-only scans) instead of visiting a million heap pages.

-- Forecast, open part: open deals by expected close date, with what the weighted sum needs.
CREATE INDEX deals_report_open_close ON deals (workspace_id, expected_close_date)
    INCLUDE (amount, currency, stage_id, owner_id, pipeline_id)
    WHERE status = 'open' AND archived_at IS NULL;

-- Forecast (won per period), win rate and cycle time, deals won/lost per owner: closed deals by closing time.
CREATE INDEX deals_report_closed ON deals (workspace_id, closed_at)
    INCLUDE (status, created_at, amount, currency, owner_id, pipeline_id, id)
    WHERE closed_at IS NOT NULL AND archived_at IS NULL;

-- Funnel cohort and deals created per owner: deals by creation time with owner, money and pipeline.
CREATE INDEX deals_report_created ON deals (workspace_id, created_at)
    INCLUDE (id, owner_id, amount, currency, pipeline_id)
    WHERE archived_at IS NULL;

-- Funnel and time in stage: a deal's stays with their stage and times, read per deal without the heap.
CREATE INDEX deal_stage_history_report ON deal_stage_history (workspace_id, deal_id)
    INCLUDE (pipeline_id, stage_id, entered_at, left_at);

-- Activity per owner: calls, meetings, emails and notes by when they happened.
CREATE INDEX activities_report_timeline ON activities (workspace_id, timeline_at)
    INCLUDE (type, owner_id)
    WHERE type <> 'task' AND archived_at IS NULL;

-- Activity per owner: tasks completed by completion time.
CREATE INDEX activities_report_completed ON activities (workspace_id, completed_at)
    INCLUDE (owner_id)
    WHERE type = 'task' AND completed_at IS NOT NULL AND archived_at IS NULL;

-- Overdue tasks (now and per period): tasks by due time with owner and completion.
CREATE INDEX activities_report_due ON activities (workspace_id, due_at)
    INCLUDE (owner_id, completed_at)
    WHERE type = 'task' AND archived_at IS NULL;

-- Lead sources: contacts by creation time with channel, lifecycle stage and owner.
CREATE INDEX contacts_report_created ON contacts (workspace_id, created_at)
    INCLUDE (id, source, lifecycle_stage, owner_id)
    WHERE archived_at IS NULL;
