#!/usr/bin/env bash
# Measures Herald's start-up on MariaDB/MySQL with the demo data (3 tenants) and with N tenants (default 200).
# Prints Payara's "ready in" and Herald's tenant-migration summary for each start. Results: docs/performance.md.
# Usage: mvn -q package -DskipTests && src/bench/startup-with-tenants.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
tenants=${1:-200}
db=herald_bench
jar=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar)
sql() { mysql -h127.0.0.1 -uroot -N -e "$1"; }

cleanup() {
  for s in $(sql "SELECT schema_name FROM $db.tenant" 2>/dev/null); do sql "DROP DATABASE IF EXISTS \`$s\`"; done
  sql "DROP DATABASE IF EXISTS $db"
}
cleanup
sql "CREATE USER IF NOT EXISTS 'herald_it'@'127.0.0.1' IDENTIFIED BY 'herald_it'; GRANT ALL ON \`herald\\_%\`.* TO 'herald_it'@'127.0.0.1'"

start() {
  local label=$1 log
  log=$(mktemp)
  env HERALD_DEMO=true DB_CLASS_NAME=com.mysql.cj.jdbc.MysqlDataSource DB_USER=herald_it DB_PASSWORD=herald_it \
    "DB_URL=jdbc:mysql://127.0.0.1:3306/$db?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true" \
    java -jar "$jar" --nocluster --port 8099 --deploy target/herald.war --contextroot / >"$log" 2>&1 &
  local pid=$! began
  began=$(date +%s%3N)
  for _ in $(seq 1 600); do
    if curl -fs http://127.0.0.1:8099/health/ready >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  printf '%-32s /health/ready UP after %5d ms | Payara %s | %s\n' "$label" "$(( $(date +%s%3N) - began ))" \
    "$(grep -o 'ready in [0-9,]* (ms)' "$log")" \
    "$(grep -o 'Tenant schemas migrated: .*' "$log" | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-80)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
}

start "first start, 3 demo tenants"
start "restart, 3 tenants"
now=$(date +%s%3N)
values=$(for i in $(seq 1 $((tenants - 3))); do printf "(1,'Bench %d','herald_t_bench%05d','Europe/Berlin','ACTIVE',%s)," "$i" "$i" "$now"; done)
sql "INSERT INTO $db.tenant (agency_id,name,schema_name,time_zone,state,created_at) VALUES ${values%,}"
start "start creating $((tenants - 3)) schemas"
start "restart, $tenants tenants"
cleanup
