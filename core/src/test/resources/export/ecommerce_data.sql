-- Rows for every table of ecommerce_schema.sql, so that every foreign key has something to point at.
INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at) VALUES
  ('00000000-0000-0000-0000-000000000001', 'ann@example.com', 'x1', 'Ann O''Hara', 'admin', '2024-01-01 10:00+00', '2024-01-02 10:00+00'),
  ('00000000-0000-0000-0000-000000000002', 'bob@example.com', 'x2', 'Bob, "the builder"', 'customer', '2024-01-03 11:00+00', '2024-01-03 11:00+00');
INSERT INTO addresses (user_id, label, street, city, state, postal_code, country) VALUES
  ('00000000-0000-0000-0000-000000000001', 'Home', E'1 Main St\nApt 2', 'Springfield', NULL, '12345', 'US');
INSERT INTO categories (name, slug, parent_id, depth, path) VALUES ('Clothes', 'clothes', NULL, 0, '1');
INSERT INTO categories (name, slug, parent_id, depth, path) VALUES ('Shirts', 'shirts', 1, 1, '1.2');
INSERT INTO products (id, sku, name, slug, description, category_id, base_price, attributes, status) VALUES
  ('00000000-0000-0000-0000-0000000000a1', 'SKU-1', 'Tee', 'tee', 'A tab	and a backslash \ here', 2, 19.90, '{"brand": "Acme", "tags": ["a", "b"]}', 'active');
INSERT INTO product_variants (id, product_id, sku, name, price, stock, attributes) VALUES
  ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'SKU-1-L', 'Large / Red', 21.00, 5, '{"size": "L"}'),
  ('00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-0000000000a1', 'SKU-1-M', 'Medium / Red', 20.00, 0, '{}');
INSERT INTO product_images (product_id, url, alt_text, position) VALUES ('00000000-0000-0000-0000-0000000000a1', 'https://img/1.png', '', 1);
INSERT INTO carts (id, user_id, session_id) VALUES ('00000000-0000-0000-0000-0000000000c1', NULL, 'anon-1');
INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000b1', 2);
INSERT INTO orders (id, user_id, order_number, status, subtotal, total, shipping_address, notes) VALUES
  ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-000000000002', 'ORD-1', 'shipped', 42.00, 45.50, '{"city": "Springfield"}', NULL);
INSERT INTO order_items (order_id, variant_id, product_name, variant_name, quantity, unit_price, total_price) VALUES
  ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', 'Tee', 'Large / Red', 2, 21.00, 42.00);
INSERT INTO order_status_history (order_id, status, created_by) VALUES ('00000000-0000-0000-0000-0000000000d1', 'shipped', '00000000-0000-0000-0000-000000000001');
INSERT INTO reviews (product_id, user_id, order_id, rating, title, body, status) VALUES
  ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-0000000000d1', 5, 'Great', NULL, 'approved');
INSERT INTO wishlists (user_id, product_id) VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000a1');
INSERT INTO coupons (id, code, discount_type, discount_value, valid_from, valid_until) VALUES
  ('00000000-0000-0000-0000-0000000000e1', 'SAVE10', 'percentage', 10, '2024-01-01 00:00+00', '2025-01-01 00:00+00');
INSERT INTO order_coupons (order_id, coupon_id, discount_amount) VALUES ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000e1', 4.20);
