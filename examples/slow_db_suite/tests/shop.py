"""A tiny shop database: schema, seed data and the queries the tests exercise."""

import sqlite3

SCHEMA = """
CREATE TABLE product(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, price REAL NOT NULL
);
CREATE TABLE sale(
    id INTEGER PRIMARY KEY, product_id INTEGER REFERENCES product(id),
    quantity INTEGER NOT NULL, day INTEGER NOT NULL
);
CREATE INDEX sale_product ON sale(product_id);
CREATE INDEX product_category ON product(category);
"""
CATEGORIES = ("books", "games", "tools", "food", "music")
PRODUCTS = 20_000
SALES = 60_000


def build_database():
    """A fresh in-memory database with the schema and the seed data (the slow part)."""
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    db.executemany(
        "INSERT INTO product VALUES (?, ?, ?, ?)",
        [
            (i, f"item {i}", CATEGORIES[i % 5], round(1 + (i * 37 % 1000) / 10, 2))
            for i in range(1, PRODUCTS + 1)
        ],
    )
    db.executemany(
        "INSERT INTO sale VALUES (?, ?, ?, ?)",
        [(i, 1 + (i * 7919) % PRODUCTS, 1 + i % 9, i % 365) for i in range(1, SALES + 1)],
    )
    db.commit()
    return db


def scalar(db, sql, *args):
    return db.execute(sql, args).fetchone()[0]
