-- The scoring service's own database. It holds models and scores; no claim value and nothing of a loan
-- application is ever written here (ScoreStore): a scoring is kept as the presentation's hash and its result.

create table scoring_model (
    model_id           text        not null,
    version            text        not null,
    -- The mapping table's data set the model's attributes are named after (schemas/MAPPING.md), e.g. credit-g.
    dataset            text        not null,
    fingerprint        text        not null,
    data_sha256        text        not null,
    trainer_provenance text        not null,
    -- The ModelStore files as uploaded; the fingerprint is re-checked whenever they are loaded.
    scorecard_json     bytea       not null,
    provenance_json    bytea       not null,
    tribuo_model       bytea,
    registered_by      text        not null,
    registered_at      timestamptz not null default now(),
    primary key (model_id, version)
);

-- The active model per scope: 'default', or 'lender:<client id>' for a lender's own choice.
create table active_model (
    scope        text        primary key check (scope = 'default' or scope like 'lender:%'),
    model_id     text        not null,
    version      text        not null,
    activated_by text        not null,
    activated_at timestamptz not null default now(),
    foreign key (model_id, version) references scoring_model (model_id, version)
);

-- Every activation, in order (append-only).
create table model_activation (
    id           bigserial   primary key,
    scope        text        not null,
    model_id     text        not null,
    version      text        not null,
    activated_by text        not null,
    activated_at timestamptz not null default now(),
    foreign key (model_id, version) references scoring_model (model_id, version)
);

create table score (
    id                  bigserial        primary key,
    presentation_sha256 text             not null,
    model_id            text             not null,
    version             text             not null,
    score               double precision not null,
    band                text             not null,
    lender_client_id    text             not null,
    scored_at           timestamptz      not null,
    foreign key (model_id, version) references scoring_model (model_id, version)
);

create index score_by_model_time on score (model_id, version, scored_at desc);
