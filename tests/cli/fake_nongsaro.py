#!/usr/bin/env python3
"""Serves the Nongsaro fixture the way the live API answers (gardenList / gardenDtl XML) on 127.0.0.1.

usage: fake_nongsaro.py FIXTURE_DIR API_KEY PORT_FILE
Writes the bound port to PORT_FILE, then serves until killed.
"""
import http.server
import pathlib
import sys
import urllib.parse

fixture, api_key, port_file = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
ERROR = ('<?xml version="1.0" encoding="UTF-8"?><response><header><resultCode>30</resultCode>'
         '<resultMsg>SERVICE KEY IS NOT REGISTERED ERROR.</resultMsg></header></response>')


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        if query.get('apiKey') != [api_key]:
            return self.reply(ERROR)
        if url.path.endswith('/gardenList'):
            return self.reply((fixture / 'gardenList.xml').read_text('utf-8'))
        number = query.get('cntntsNo', [''])[0]
        if url.path.endswith('/gardenDtl') and number.isdigit() and (fixture / f'gardenDtl_{number}.xml').exists():
            return self.reply((fixture / f'gardenDtl_{number}.xml').read_text('utf-8'))
        self.send_error(404)

    def reply(self, text):
        body = text.encode('utf-8')
        self.send_response(200)
        self.send_header('Content-Type', 'text/xml;charset=UTF-8')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
pathlib.Path(port_file).write_text(str(server.server_address[1]))
server.serve_forever()
