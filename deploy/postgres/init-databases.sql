-- Run once by the postgres image on an empty volume (docker-entrypoint-initdb.d):
-- one database per service that owns data.
CREATE DATABASE sf_ingestion_urssaf;
CREATE DATABASE sf_features;
CREATE DATABASE sf_ingestion_finance;
CREATE DATABASE sf_ingestion_dgefp;
CREATE DATABASE sf_ingestion_judiciaire;
CREATE DATABASE sf_ingestion_insee;
CREATE DATABASE sf_notifications;
CREATE DATABASE sf_scoring;
CREATE DATABASE sf_identity;
