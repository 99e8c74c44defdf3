#!/bin/sh
# Equipment import at the scale: a school's register of ROWS assets (10,000 by default) as
# a clerk's sheet has it (title row, 单价 as ¥4,299.00 or 4299元, dates as 2019/9/1 or 2019年9月1日,
# rooms and keepers by name), imported by the real emis-cli into an enrolled device's store and
# saved, timed as a whole process against the 2 s limit; then the same sheet again (every row
# unchanged). Needs the built emisctl, emis-server and emis-cli; touches 127.0.0.1 only.
#   tests/bench/equipment_import.sh [BUILD_DIR] [ROWS] [RUNS]
set -eu
build=$(cd "${1:-build}" && pwd)
rows=${2:-10000}
runs=${3:-3}
limit_ms=2000
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 17443)
"$build/server/emisctl" init --dir "$work/server" --listen "127.0.0.1:$port" >/dev/null
"$build/server/emisctl" school add --dir "$work/server" --code 3604290001 --name 甲中学 --type 初级中学 --township 甲镇 >/dev/null
"$build/server/emis-server" --dir "$work/server" >"$work/server.log" 2>&1 &
server_pid=$!
sleep 1

# A sheet: a title row, then the header, then the rows; 40 rooms, 200 teachers by name and 工号.
awk -v rows="$rows" 'BEGIN {
  print "甲中学固定资产登记表（2026年）"
  print "资产编号,资产类别,资产名称,品牌,规格型号,数量,计量单位,单价,购置日期,经费来源,存放地点,保管人,保管人工号,使用状态,使用方向"
  split("台式计算机,笔记本电脑,服务器,打印机,投影仪,班班通,空调,实验仪器,课桌椅", cat, ",")
  for (i = 1; i <= rows; i++) {
    c = cat[(int(i / 25) % 9) + 1]
    y = 2012 + int(i / 250) % 15; m = int(i / 25) % 12 + 1; d = int(i / 25) % 28 + 1
    date = (i % 3 == 0) ? sprintf("%d/%d/%d", y, m, d) : (i % 3 == 1) ? sprintf("%d年%d月%d日", y, m, d) : sprintf("%d-%02d-%02d", y, m, d)
    p = 1000 + (int(i / 25) * 37) % 9000
    price = (i % 2) ? sprintf("\"¥%d,%03d.00\"", int(p / 1000), p % 1000) : sprintf("%d元", p)
    keeper = (c == "台式计算机" || c == "笔记本电脑") ? sprintf("教师%03d,T%03d", i % 200, i % 200) : ","
    printf "ZC-%05d,%s,%s设备,联想,M%d,1,台,%s,%s,财政拨款,功能室%02d,%s,在用,%s\n", i, c, c, i % 7, price, date, i % 40, keeper, (i % 5 ? "教学" : "学生用")
  }
}' >"$work/assets.csv"
awk 'BEGIN { print "功能室名称,功能室类型"; for (i = 0; i < 40; i++) printf "功能室%02d,%s\n", i, (i % 4 ? "实验室" : "计算机教室") }' >"$work/rooms.csv"

code=$("$build/server/emisctl" enroll-code --dir "$work/server" --school 3604290001)
"$build/client/cli/emis-cli" --data-dir "$work/device" enroll --server "127.0.0.1:$port" --code "$code" >/dev/null
"$build/client/cli/emis-cli" --data-dir "$work/device" --json import rooms "$work/rooms.csv" >/dev/null
# 200 teachers with valid ID numbers (GB 11643 check character).
awk 'BEGIN {
  split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); split("1 0 X 9 8 7 6 5 4 3 2", check, " ")
  print "工号,姓名,性别,身份证件号,岗位类别"
  for (i = 0; i < 200; i++) {
    id = sprintf("360429198%01d%02d%02d%03d", i % 10, i % 12 + 1, i % 28 + 1, 100 + i)
    s = 0; for (k = 1; k <= 17; k++) s += substr(id, k, 1) * w[k]
    sex = (substr(id, 17, 1) % 2) ? "男" : "女"
    printf "T%03d,教师%03d,%s,%s%s,专任教师\n", i, i, sex, id, check[s % 11 + 1]
  }
}' >"$work/staff.csv"
"$build/client/cli/emis-cli" --data-dir "$work/device" --json import staff "$work/staff.csv" >"$work/staff.json"

ms() { date +%s%3N; }
echo "emis-cli import assets, $rows rows (whole process)   ms    limit  ms/limit"
i=0
while [ "$i" -lt "$runs" ]; do
  rm -rf "$work/run" && cp -r "$work/device" "$work/run"
  t0=$(ms)
  "$build/client/cli/emis-cli" --data-dir "$work/run" --json import assets "$work/assets.csv" >"$work/import.json"
  t1=$(ms)
  added=$(grep -o '"added": *[0-9]*' "$work/import.json" | grep -o '[0-9]*$')
  t2=$(ms)
  "$build/client/cli/emis-cli" --data-dir "$work/run" --json import assets "$work/assets.csv" >"$work/again.json"
  t3=$(ms)
  unchanged=$(grep -o '"unchanged": *[0-9]*' "$work/again.json" | grep -o '[0-9]*$')
  awk -v a="$((t1 - t0))" -v b="$((t3 - t2))" -v l="$limit_ms" -v n="$added" -v u="$unchanged" 'BEGIN {
    printf "  run: %6d added in %5d ms %6d  %.2f%s;  again: %d unchanged in %d ms\n", n, a, l, a / l, (a > l ? "  OVER" : ""), u, b }'
  i=$((i + 1))
done
