export { BACKUP_TABLES, NOT_BACKED_UP, REPLACED_ON_IMPORT, listDatabaseTables, unknownTables, type BackupTable } from "./backup-tables.js";
export { BackupFormatError, BACKUP_FORMAT_VERSION, type BackupHeader, type BackupLine } from "./backup-format.js";
export { BackupRefusedError, exportInstallation, type ExportOptions } from "./export-installation.js";
export { importInstallation, type ImportOptions, type ImportSummary } from "./import-installation.js";
export { appliedMigrationLevel, latestMigration } from "./migration-level.js";
