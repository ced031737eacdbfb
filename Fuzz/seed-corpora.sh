#!/bin/sh
# Seeds each fuzz target's corpus from the repository's own files:  sh Fuzz/seed-corpora.sh DIR
# A selector byte goes first where the target reads one (FuzzElementSets: 0 = detect the
# format; FuzzDataFiles: 0 board, 1 scenario, 2 daemon configuration, 3 rig).
set -eu
DIR=${1:?usage: seed-corpora.sh DIR}
for t in FuzzElementSets FuzzGeoJSON FuzzPolicyBundle FuzzDataFiles FuzzNMEA FuzzGPSD FuzzBridgeFrames FuzzRotctld FuzzAuditScan FuzzStatusAPI FuzzDishAPI; do
    mkdir -p "$DIR/$t"
done
# copy TARGET FILE [SELECTOR]: FILE (first 64 kB) into TARGET's corpus, after a selector byte.
copy() {
    name=$(echo "$2" | tr '/' '_')
    if [ -n "${3:-}" ]; then
        { printf "\\$(printf '%03o' "$3")"; head -c 65536 "$2"; } > "$DIR/$1/$name.$3"
    else
        head -c 65536 "$2" > "$DIR/$1/$name"
    fi
}
for f in $(find Tests Benchmarks -type f \( -name '*.tle' -o -name '*.txt' -o -name '*.json' -o -name '*.csv' \) 2>/dev/null | grep -iE 'tle|omm|starlink|gp|elements' | head -n 40); do
    copy FuzzElementSets "$f" 0
done
for f in $(find Tests Policies -type f \( -name '*.geojson' -o -name '*.json' \) 2>/dev/null | grep -viE 'omm|gp' | head -n 20); do
    copy FuzzGeoJSON "$f"
done
for f in Policies/example.yaml $(find Tests -type f -name '*.yaml' -path '*olic*' 2>/dev/null | head -n 20); do
    copy FuzzPolicyBundle "$f"
done
for f in Boards/*.yaml; do copy FuzzDataFiles "$f" 0; done
for f in HIL/scenarios/*.yaml HIL/scenarios/long/*.yaml; do copy FuzzDataFiles "$f" 1; done
for f in Config/*.yaml; do copy FuzzDataFiles "$f" 2; done
for f in HIL/rigs/*.yaml; do copy FuzzDataFiles "$f" 3; done
for f in $(find Tests -type f \( -name '*.nmea' -o -name '*.log' -o -name '*.txt' \) 2>/dev/null | xargs grep -l '^\$G' 2>/dev/null | head -n 10); do
    copy FuzzNMEA "$f"
done
printf '$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\n$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\n' > "$DIR/FuzzNMEA/gga-rmc"
printf '{"class":"TPV","mode":3,"time":"2026-08-23T00:00:00.000Z","lat":-33.92,"lon":18.42,"altHAE":10.0,"eph":3.5}\n{"class":"SKY","satellites":[{"used":true},{"used":false}]}\n{"class":"VERSION","release":"3.22"}\n' > "$DIR/FuzzGPSD/tpv-sky"
# What FuzzGPSD found (2026-12-08): a time past what 64-bit nanoseconds count trapped; kept as a seed.
printf '{"class":"TPV","device":"/dev/ttyACM0","mode":3,"time":"9999-12-31T23:59:59.000Z","lat":-33.9,"lon":18.4,"alt":10}\n' > "$DIR/FuzzGPSD/found-time-overflow"
printf 'p\nP 180.0 45.0\n\\dump_state\n_\nK\nS\nq\n+\\get_pos\n' > "$DIR/FuzzRotctld/commands"
for f in $(find Tests -type f -name '*.audit' 2>/dev/null | head -n 10); do copy FuzzAuditScan "$f"; done
if [ -x .build/debug/utermd ]; then
    # A real audit log and real bridge traffic are not files in the repository: make an audit log.
    .build/debug/utermd simulate --scenario HIL/scenarios/pa-fault.yaml --audit-log "$DIR/FuzzAuditScan/pa-fault.audit" >/dev/null 2>&1 || true
fi
# A small policy with every zone kind and service rules, unsigned and (with utermd built)
# signed with the example key: the repository's policy is 58 kB, past the long run's 4 kB inputs.
cat > "$DIR/FuzzPolicyBundle/small-policy" <<'POLICY'
format: 1
policy: fuzz-seed
version: 3
issued: 2026-09-01T00:00:00Z
valid_from: 2026-01-01T00:00:00Z
valid_until: 2031-01-01T00:00:00Z
default: allow
zones:
  - name: Land
    action: noService
    feature: { iso: ABC }
    buffer_nm: 12
    constellations: { permitted: [guowang, qianfan] }
  - name: Harbour
    action: receiveOnly
    circle: { lat_deg: -33.9, lon_deg: 18.4, radius_m: 5000 }
  - name: Box
    action: noService
    polygon: [[179, -1], [-179, -1], [-179, 1], [179, 1]]
    buffer_m: 1000
    constellations: { refused: [starlink] }
service_rules:
  coastal_band_nm: 12
  regions:
    - { name: Home, feature: { name: Abc } }
  plans:
    - { name: roam, ocean: false, speed_limit_kmh: 160, max_days_abroad: 60 }
geojson: |
  {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"ISO_A3": "ABC", "NAME": "Abc"}, "geometry": {"type": "Polygon", "coordinates": [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]], [[10.2, 10.2], [10.4, 10.2], [10.4, 10.4], [10.2, 10.2]]]}}]}
POLICY
if [ -x .build/debug/utermd ]; then
    .build/debug/utermd policy sign --key Policies/example-operator.key "$DIR/FuzzPolicyBundle/small-policy" \
        --out "$DIR/FuzzPolicyBundle/small-policy-signed" >/dev/null 2>&1 || true
fi
printf '\001' > "$DIR/FuzzBridgeFrames/one-byte"
# Command, sequence (little-endian) and payload of each message, framed by the target itself:
# reset, read-status, latch slot 1, a 2-element beam-state load, an acknowledgement with a
# status block.
printf '\001\007\000' > "$DIR/FuzzBridgeFrames/reset"
printf '\002\007\000' > "$DIR/FuzzBridgeFrames/read-status"
printf '\004\007\000\001' > "$DIR/FuzzBridgeFrames/latch"
printf '\003\007\000\001\000\000\000\002\000\020\001\021\002' > "$DIR/FuzzBridgeFrames/load-beam-state"
printf '\200\007\000\003\000\000\000\000\005\004\001\012\000\000\000' > "$DIR/FuzzBridgeFrames/acknowledgement"
# The status API: every route as a client sends it, with and without the token.
for route in "GET /status" "GET /history?limit=5" "GET /obstructions" "GET /metrics" "HEAD /status" "GET /nowhere"; do
    printf '%s HTTP/1.1\r\nHost: localhost\r\n\r\n' "$route" > "$DIR/FuzzStatusAPI/$(echo "$route" | tr ' /?=' '____')"
done
for route in stow unstow reboot obstructions/reset policy elements/reload; do
    printf 'POST /%s HTTP/1.1\r\nAuthorization: Bearer fuzz-token-0123456789abcdef\r\nContent-Type: application/json\r\n\r\n{"reason":"fuzz"}' "$route" \
        > "$DIR/FuzzStatusAPI/post_$(echo "$route" | tr '/' '_')"
done
printf 'POST /stow HTTP/1.1\r\nAuthorization: Bearer wrong\r\n\r\n' > "$DIR/FuzzStatusAPI/post_wrong_token"
# The dish API: each Request member by its field number (an empty message of that field), and
# the reflection requests yagrc sends (selector byte 1 = v1, 2 = v1alpha).
for field in 1004 1007 1008 1017 1001 2002 2003 2008 2017; do
    python3 -c "import sys; f=$field; tag=(f<<3)|2; out=bytearray([0])
while True:
    b=tag&0x7f; tag>>=7
    out.append(b|(0x80 if tag else 0))
    if not tag: break
out.append(0); sys.stdout.buffer.write(bytes(out))" > "$DIR/FuzzDishAPI/request_$field"
done
python3 -c "import sys
def s(f,t): b=t.encode(); return bytes([(f<<3)|2,len(b)])+b
open('$DIR/FuzzDishAPI/reflect_symbol','wb').write(bytes([1])+s(4,'SpaceX.API.Device.Device'))
open('$DIR/FuzzDishAPI/reflect_file','wb').write(bytes([1])+s(3,'spacex/api/device/device.proto'))
open('$DIR/FuzzDishAPI/reflect_list','wb').write(bytes([2])+s(7,'*'))"
echo "seed corpora in $DIR:"; for t in "$DIR"/*; do echo "  $(basename "$t"): $(ls "$t" | wc -l) files"; done
