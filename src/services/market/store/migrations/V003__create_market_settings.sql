CREATE TABLE market_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
